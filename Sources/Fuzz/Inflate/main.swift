import FuzzSupport

FuzzDriver.run(fuzzInflate)
