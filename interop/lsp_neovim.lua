-- Headless Neovim (Debian's, 0.7 or later) as the client of `isca lsp`: open a faulty record,
-- wait for its diagnostics, go to the definition of a reference, then fix the fault in the
-- buffer without saving and wait for the diagnostics to clear. Writes one line per fact to
-- $NV_OUT for interop/lsp.sh to check, then quits. Uses only APIs Neovim 0.7 has.
local isca, root, file, out = os.getenv('ISCA'), os.getenv('NV_ROOT'), os.getenv('NV_FILE'), os.getenv('NV_OUT')
local lines = {}
local function say(s) table.insert(lines, s) end
local function finish()
  vim.fn.writefile(lines, out)
  vim.cmd('qa!')
end

local client = vim.lsp.start_client({ name = 'isca', cmd = { isca, 'lsp' }, root_dir = root })
if not client then
  say('no client')
  return finish()
end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client)

vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  say(string.format('diagnostic %s %d:%d', code, d.lnum + 1, d.col + 1))
end

vim.fn.search('"pty-rus"')
vim.cmd('normal! l')
local res = vim.lsp.buf_request_sync(0, 'textDocument/definition', vim.lsp.util.make_position_params(), 10000) or {}
for _, r in pairs(res) do
  local result = r.result
  if result and (result.uri or result.targetUri) then result = { result } end
  for _, loc in ipairs(result or {}) do
    say('definition ' .. (loc.uri or loc.targetUri))
  end
end

-- The fix, typed into the buffer and not saved: the server checks the buffer, not the disk.
local text = vim.api.nvim_buf_get_lines(0, 0, -1, false)
for i, l in ipairs(text) do
  text[i] = l:gsub('"pty%-iran"', '"pty-irn"')
end
vim.api.nvim_buf_set_lines(0, 0, -1, false, text)
if vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end, 50) then
  say('cleared after an unsaved edit')
end
vim.lsp.stop_client(client)
finish()
