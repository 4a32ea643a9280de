-- wrk script of .ci/ingest-load.py: every wrk thread posts its share of the pre-built OTLP/HTTP
-- protobuf bodies (DIR/batch-NNNN.pb, NNNN from 0 to COUNT-1) over its kept-alive connections,
-- cycling through them. Each thread holds only its share, so the pool is in memory once.
-- Usage: wrk -t T -c C -d D -s ingest-load.lua URL -- DIR COUNT T [METHOD PATH]
-- (METHOD PATH default to POST /v1/traces; GET /healthz measures the HTTP door alone: govtop
-- reads such a body, counts it for the minimum body rate and discards it.)
local next_index = 0

function setup(thread)
   thread:set("thread_index", next_index)
   next_index = next_index + 1
end

function init(args)
   local dir, count, threads = args[1], tonumber(args[2]), tonumber(args[3])
   local method, target = args[4] or "POST", args[5] or "/v1/traces"
   requests = {}
   for i = thread_index, count - 1, threads do
      local path = string.format("%s/batch-%04d.pb", dir, i)
      local file = assert(io.open(path, "rb"), "cannot open " .. path)
      local body = file:read("*a")
      file:close()
      requests[#requests + 1] = wrk.format(method, target,
         { ["Content-Type"] = "application/x-protobuf" }, body)
   end
   assert(#requests > 0, "no bodies for thread " .. thread_index)
   position = 0
end

function request()
   position = position % #requests + 1
   return requests[position]
end
