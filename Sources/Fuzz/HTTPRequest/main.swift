import FuzzSupport

FuzzDriver.run(fuzzHTTPRequest)
