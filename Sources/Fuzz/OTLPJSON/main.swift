import FuzzSupport

FuzzDriver.run(fuzzOTLPJSON)
