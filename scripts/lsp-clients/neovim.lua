-- Neovim 0.7 (Debian 12) as a client of `crosswalk lsp --stdio`, headless. Started by
-- scripts/lsp-clients/run.mjs as `nvim --headless -u neovim.lua DRAFT`; writes what it received to
-- $CROSSWALK_OUT as JSON, which run.mjs checks. See /work/shared/notes/lsp-real-clients.md:
-- 0.7 has start_client + buf_attach_client (not vim.lsp.start), keeps diagnostics in its own
-- form, and sends didChange after a debounce, so the script waits for the next publish.
local out_path = os.getenv('CROSSWALK_OUT')
local cli = os.getenv('CROSSWALK_CLI')
local root = os.getenv('CROSSWALK_ROOT')
local result = { client = 'neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }

local function finish(ok)
  local file = io.open(out_path, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local function fail(message)
  result.error = message
  finish(false)
end

local published = 0
local last = nil
local original = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
  published = published + 1
  last = res
  return original(err, res, ctx, config)
end

-- What the buffer shows as underlined: Neovim's own byte columns, never the server's numbers.
local function underlined(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, { code = code, text = line:sub(d.col + 1, d.end_col), line = d.lnum, message = d.message })
  end
  return out
end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local id = vim.lsp.start_client({ name = 'crosswalk', cmd = { 'node', cli, 'lsp', '--stdio' }, root_dir = root })
  if not id then return fail('start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)
  if not vim.wait(15000, function() return client.initialized end, 10) then return fail('the server did not initialize') end
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 10) then return fail('no diagnostics arrived') end
  result.diagnostics = underlined(bufnr)

  -- The server's diagnostic for UAT, in LSP form (UTF-16 positions).
  local target = nil
  for _, d in ipairs(last.diagnostics) do
    if d.code == 'jargon' and d.message:find('UAT', 1, true) then target = d end
  end
  if not target then return fail('no jargon diagnostic for UAT') end
  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = target.range.start }, 10000)
  local h = hover and hover[id] and hover[id].result
  result.hover = h and h.contents and (h.contents.value or h.contents) or vim.NIL

  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.range.start.line, {}, id)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = target.range, context = { diagnostics = line_diagnostics },
  }, 10000)
  local actions = (responses and responses[id] and responses[id].result) or {}
  result.actions = {}
  local chosen = nil
  for _, action in ipairs(actions) do
    table.insert(result.actions, action.title)
    if action.isPreferred and not chosen then chosen = action end
  end
  if not chosen then return fail('no preferred quick fix') end
  if not chosen.edit then
    local resolved = client.request_sync('codeAction/resolve', chosen, 10000, bufnr)
    chosen = resolved and resolved.result or chosen
  end
  if not chosen.edit then return fail('the quick fix has no edit after resolve') end
  result.applied = chosen.title
  local before = published
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  result.edited_line = vim.api.nvim_buf_get_lines(bufnr, target.range.start.line, target.range.start.line + 1, false)[1]
  -- didChange goes out after Neovim's debounce; the server then publishes again.
  if not vim.wait(15000, function() return published > before end, 10) then return fail('the server did not re-check the edited buffer') end
  result.after = underlined(bufnr)
  finish(true)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(main)
    if not ok then fail(tostring(err)) end
  end,
})
