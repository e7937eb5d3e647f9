-- Drives the built CoNDIS language server from headless Neovim 0.7 on a multi-file example driver: reads the code
-- lenses through vim.lsp.codelens (refresh, resolve, get) and "go to implementation" through buf_request_sync.
-- Started by lensAndImplementation.test.ts as: nvim --headless --clean -n -c 'luafile lensAndImplementation.lua' <file.c>
-- Inputs (environment): CONDIS_NODE, CONDIS_SERVER_JS, CONDIS_ROOT_DIR (the driver's folder), CONDIS_PROBES (JSON:
-- {implementation = Position}), CONDIS_OUT (where the JSON answers go). Every wait is bounded; the script always
-- writes CONDIS_OUT and quits.

local out_path = assert(os.getenv('CONDIS_OUT'), 'CONDIS_OUT is not set')
local result = { nvim = vim.version(), errors = {} }
local WAIT_MS = 15000

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local ok, err = pcall(function()
  local probes = vim.fn.json_decode((assert(os.getenv('CONDIS_PROBES'), 'CONDIS_PROBES is not set')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'condis-assist',
    cmd = { os.getenv('CONDIS_NODE') or 'node', assert(os.getenv('CONDIS_SERVER_JS')), '--stdio' },
    root_dir = assert(os.getenv('CONDIS_ROOT_DIR')),
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)
  result.initialized = vim.wait(WAIT_MS, function() return client.initialized == true end, 10)
  assert(result.initialized, 'the server did not finish initializing within ' .. WAIT_MS .. ' ms')
  result.capabilities = {
    code_lens = client.server_capabilities.codeLensProvider ~= nil,
    implementation = client.server_capabilities.implementationProvider and true or false,
  }
  local uri = vim.uri_from_bufnr(bufnr)

  -- Implementation: asked again until the workspace index has the driver's other files (bounded).
  local deadline = vim.loop.now() + WAIT_MS
  repeat
    local responses, rerr = vim.lsp.buf_request_sync(bufnr, 'textDocument/implementation',
      { textDocument = { uri = uri }, position = probes.implementation }, WAIT_MS)
    if rerr then table.insert(result.errors, 'implementation: ' .. rerr) end
    local r = responses and responses[client_id]
    if r and r.error then table.insert(result.errors, vim.inspect(r.error)) end
    result.implementation = r and r.result or vim.NIL
    local found = type(result.implementation) == 'table' and #result.implementation > 0
    if not found then vim.wait(200) end
  until found or vim.loop.now() > deadline

  -- Lenses: refresh sends textDocument/codeLens and resolves each lens (codeLens/resolve); get() holds them.
  local function resolved()
    local lenses = vim.lsp.codelens.get(bufnr)
    if #lenses == 0 then return false end
    for _, l in ipairs(lenses) do
      if not l.command then return false end
    end
    return true
  end
  deadline = vim.loop.now() + WAIT_MS
  repeat
    vim.lsp.codelens.refresh()
    vim.wait(2000, resolved, 20)
  until resolved() or vim.loop.now() > deadline
  result.lenses = {}
  for _, l in ipairs(vim.lsp.codelens.get(bufnr)) do
    table.insert(result.lenses, { line = l.range.start.line, title = l.command and l.command.title or vim.NIL,
      command = l.command and l.command.command or vim.NIL })
  end

  vim.lsp.stop_client(client_id)
  vim.wait(WAIT_MS, function() return result.server_exit ~= nil end, 10)
end)

if not ok then table.insert(result.errors, tostring(err)) end
write_result()
vim.cmd('qa!')
