-- wrk script: count responses per HTTP status (wrk itself counts 3xx as success, and a
-- signed-in page answering 302 to the login page would look like a fast success).
-- Prints one line "STATUS <code> <count>" per status code at the end of the run.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   statuses = {}
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for code, n in pairs(thread:get("statuses")) do
         total[code] = (total[code] or 0) + n
      end
   end
   for code, n in pairs(total) do
      io.write(string.format("STATUS %d %d\n", code, n))
   end
end
