import FuzzSupport

FuzzDriver.run(fuzzOTLPProtobuf)
