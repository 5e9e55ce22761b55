-- The peer's equivalent of the engine's core rule: a valid NHS number (modulus 11), possibly written in
-- groups of 3-3-4 and possibly wrapped across a line, in a text part of a message with a recipient outside
-- the allow-list. Written for this benchmark; loaded only by the private configuration in this folder.
local allowed = { 'ourtrust.nhs.uk', 'nhs.net' }

local function outside_allow_list(domain)
  domain = string.lower(domain or '')
  for _, a in ipairs(allowed) do
    if domain == a or domain:sub(-(#a + 1)) == '.' .. a then
      return false
    end
  end
  return true
end

local function mod11(d)
  local sum = 0
  for i = 1, 9 do
    sum = sum + tonumber(d:sub(i, i)) * (11 - i)
  end
  local check = 11 - (sum % 11)
  if check == 11 then check = 0 end
  return check ~= 10 and check == tonumber(d:sub(10, 10))
end

rspamd_config.NHS_NUMBER_EXTERNAL = {
  callback = function(task)
    local outside = false
    for _, r in ipairs(task:get_recipients(0) or {}) do
      if outside_allow_list(r.domain) then outside = true end
    end
    if not outside then return false end
    for _, part in ipairs(task:get_text_parts() or {}) do
      -- Whitespace runs (line breaks included) become one space, so a wrapped number reads as one.
      local flat = ' ' .. tostring(part:get_content()):gsub('%s+', ' ') .. ' '
      for cand in flat:gmatch('%f[%d](%d%d%d ?%d%d%d ?%d%d%d%d)%f[%D]') do
        if mod11((cand:gsub(' ', ''))) then return true end
      end
    end
    return false
  end,
  score = 10.0,
  description = 'Valid NHS number to a recipient outside the allow-list',
}
