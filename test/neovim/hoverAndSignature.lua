-- Drives the built CoNDIS language server from headless Neovim 0.7 (Debian's neovim) as an independent LSP client.
-- Started by neovim.test.ts as: nvim --headless --clean -n -c 'luafile hoverAndSignature.lua' <fixture.c>
-- Inputs (environment): CONDIS_NODE, CONDIS_SERVER_JS, CONDIS_ROOT_DIR, CONDIS_PROBES (JSON: {hover = Position, signature = Position}),
-- CONDIS_OUT (where the JSON answers go). Every wait is bounded; the script always writes CONDIS_OUT and quits.
-- Uses the 0.7 API: vim.lsp.start_client (vim.lsp.start only exists from 0.8).

local out_path = assert(os.getenv('CONDIS_OUT'), 'CONDIS_OUT is not set')
local result = { nvim = vim.version(), errors = {} }
local WAIT_MS = 10000

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function answer(responses, client_id)
  -- buf_request_sync returns { [client_id] = { result = ..., error = ... } } or nil plus an error message.
  if responses == nil then return nil end
  local r = responses[client_id]
  if r == nil then return nil end
  if r.error ~= nil then table.insert(result.errors, vim.inspect(r.error)) end
  return r.result
end

local ok, err = pcall(function()
  local probes = vim.fn.json_decode((assert(os.getenv('CONDIS_PROBES'), 'CONDIS_PROBES is not set')))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  local client_id = vim.lsp.start_client({
    name = 'condis-assist',
    cmd = { os.getenv('CONDIS_NODE') or 'node', assert(os.getenv('CONDIS_SERVER_JS')), '--stdio' },
    root_dir = assert(os.getenv('CONDIS_ROOT_DIR')),
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  -- After `initialized`, Neovim sends didOpen for the attached buffer before anything we send next.
  result.initialized = vim.wait(WAIT_MS, function() return client.initialized == true end, 10)
  assert(result.initialized, 'the server did not finish initializing within ' .. WAIT_MS .. ' ms')
  result.capabilities = {
    hover = client.server_capabilities.hoverProvider,
    signature_triggers = client.server_capabilities.signatureHelpProvider
      and client.server_capabilities.signatureHelpProvider.triggerCharacters,
  }

  local uri = vim.uri_from_bufnr(bufnr)
  local hover, herr = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = probes.hover }, WAIT_MS)
  if herr then table.insert(result.errors, 'hover: ' .. herr) end
  result.hover = answer(hover, client_id)

  local sig, serr = vim.lsp.buf_request_sync(bufnr, 'textDocument/signatureHelp',
    { textDocument = { uri = uri }, position = probes.signature }, WAIT_MS)
  if serr then table.insert(result.errors, 'signatureHelp: ' .. serr) end
  result.signature = answer(sig, client_id)

  -- Optional: a second file with a lifecycle mistake; the server must push its diagnostics (Neovim 0.7 never pulls).
  local diag_file = os.getenv('CONDIS_DIAG_FILE')
  if diag_file then
    vim.cmd('edit ' .. vim.fn.fnameescape(diag_file))
    local dbuf = vim.api.nvim_get_current_buf()
    assert(vim.lsp.buf_attach_client(dbuf, client_id), 'attaching the second buffer failed')
    vim.wait(WAIT_MS, function() return #vim.diagnostic.get(dbuf) > 0 end, 10)
    result.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(dbuf)) do
      table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, message = d.message, source = d.source,
        code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code, severity = d.severity })
    end
  end

  -- A clean shutdown: Neovim sends shutdown then exit; on_exit records the server's exit code.
  vim.lsp.stop_client(client_id)
  vim.wait(WAIT_MS, function() return result.server_exit ~= nil end, 10)
end)

if not ok then table.insert(result.errors, tostring(err)) end
write_result()
vim.cmd('qa!')
