"""End to end: `isca lsp` under a real LSP client (pytest-lsp, with the capabilities Neovim
announces), on a copy of the bundled dataset with one faulty record.

Run by interop/lsp.sh, which sets ISCA to the binary and ISCA_REPO to the repository."""

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(os.environ["ISCA_REPO"])
EVENT = "dataset/events/evt-2001-03-12-ru-ir-treaty-signed.json"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """A dataset root: the bundled schemas and records, one reference misspelled."""
    root = tmp_path_factory.mktemp("root")
    shutil.copytree(REPO / "schema", root / "schema")
    shutil.copytree(REPO / "dataset", root / "dataset")
    event = root / EVENT
    text = event.read_text()
    assert '"pty-irn"' in text
    event.write_text(text.replace('"pty-irn"', '"pty-iran"', 1))
    return root


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[os.environ["ISCA"], "lsp"]),
    params=["neovim@v0.10.0", "emacs"],
)
async def client(lsp_client: LanguageClient, root, request):
    # The server asks clients that can (Emacs) to watch the dataset; accept, as editors do.
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda _params: None)
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="root")],
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def position(text: str, needle: str, plus: int = 1) -> types.Position:
    at = text.index(needle) + plus
    line = text.count("\n", 0, at)
    return types.Position(line=line, character=at - (text.rfind("\n", 0, at) + 1))


async def open_event(client: LanguageClient, root) -> tuple[str, str]:
    path = root / EVENT
    uri, text = path.as_uri(), path.read_text()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)
        )
    )
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri, text


async def test_diagnostics_of_the_faulty_record(client: LanguageClient, root):
    uri, text = await open_event(client, root)
    [d] = client.diagnostics[uri]
    assert d.code == "X003"
    assert d.severity == types.DiagnosticSeverity.Error
    assert "did you mean `pty-irn`?" in d.message
    start = position(text, '"pty-iran"', 0)
    assert d.range.start == start
    assert d.range.end == types.Position(line=start.line, character=start.character + len('"pty-iran"'))


async def test_go_to_definition(client: LanguageClient, root):
    uri, text = await open_event(client, root)
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, '"pty-rus"', 3)
        )
    )
    assert isinstance(result, types.Location), result
    assert result.uri == (root / "dataset/parties/pty-rus.json").as_uri()
    assert result.range.start == types.Position(line=1, character=8)


async def test_rename_rewrites_references_and_the_file(client: LanguageClient, root):
    uri, text = await open_event(client, root)
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position(text, '"pty-rus"', 3),
            new_name="pty-russia",
        )
    )
    assert edit is not None, edit
    party = (root / "dataset/parties/pty-rus.json").as_uri()
    ops = client.capabilities.workspace.workspace_edit.resource_operations or []
    if types.ResourceOperationKind.Rename in ops:
        # Neovim can rename files inside an edit: the record's file follows its id.
        edits = [(c.text_document.uri, c.edits) for c in edit.document_changes if isinstance(c, types.TextDocumentEdit)]
        renames = [(c.old_uri, c.new_uri) for c in edit.document_changes if isinstance(c, types.RenameFile)]
        assert renames == [(party, (root / "dataset/parties/pty-russia.json").as_uri())]
    else:
        # Eglot cannot: the ids are rewritten and `isca validate` then flags the file name.
        edits = list(edit.changes.items())
    assert all(e.new_text == '"pty-russia"' for _, es in edits for e in es)
    files = {u for u, _ in edits}
    assert uri in files and party in files
    # Every reference to pty-rus in the dataset, counted independently of the server.
    expected = sum(p.read_text().count('"pty-rus"') for p in (root / "dataset").rglob("*.json"))
    assert sum(len(es) for _, es in edits) == expected


async def test_rename_refuses_an_existing_id(client: LanguageClient, root):
    uri, text = await open_event(client, root)
    with pytest.raises(Exception, match="already exists"):
        await client.text_document_rename_async(
            types.RenameParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=position(text, '"pty-rus"', 3),
                new_name="pty-irn",
            )
        )
