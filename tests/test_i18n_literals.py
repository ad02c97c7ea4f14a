"""Every text a person reads in the desktop app goes through ``tr()`` (or the message catalogue):
an AST scan of the string literals in ``mægler_app/ui`` finds none that reads like text outside a
translation call (issue 24).

What is not text (object names, keys, style sheets, formats, icons, key sequences, log lines) is
told apart by where it stands (the call it is given to, a comparison, a dict key) or by its shape.
A literal given to a call that shows it (``QLabel``, ``setText``, ``Column``…) counts with any word.
A line marked ``# i18n: …`` holds texts that are the same in every language (names), and ALLOWED
lists the few others."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "mægler_app" / "ui"

# Calls whose string arguments are translated.
TRANSLATING = frozenset("tr _tr translate QT_TR_NOOP QT_TRANSLATE_NOOP QT_TR_N_NOOP".split())
# Calls whose string arguments are not text a person reads.
NOT_TEXT_CALLS = frozenset(
    """
    setObjectName objectName findChild findChildren setProperty property QKeySequence setStyleSheet
    QIcon QColor QFont QPixmap QUrl QSettings setValue value contains remove QByteArray Signal Slot
    Property setAccessibleIdentifier fromString setDesktopFileName setOrganizationName
    setApplicationName setApplicationDisplayName QRegularExpression setShortcut fromLocalFile
    setFamily setFamilies setDisplayFormat toString setInputMask fromTheme QDate QTime QDateTime
    startswith endswith replace split rsplit partition rpartition strip join format setFont
    setLabelsFormat setLabelFormat setFormat show_feature show_view
    getattr setattr hasattr import_module open get pop setdefault debug info warning error exception
    getLogger compile match search sub fullmatch findall Path with_suffix joinpath glob rglob getenv
    strftime strptime mkdtemp NamedTemporaryFile TypeError AssertionError RuntimeError KeyError
    NotImplementedError ValueError encode decode isinstance field TypeVar cast emit print
    document_name
    """.split()
)
NOT_TEXT_KEYWORDS = frozenset("objectName styleSheet key name role kind encoding errors sep".split())
# Calls whose text arguments a person reads: any word in them counts, even one shaped like a name.
TEXT_SINKS = frozenset(
    """
    Column QLabel setText setToolTip setWindowTitle addTab QPushButton addAction addMenu
    setPlaceholderText QCheckBox QGroupBox QRadioButton addItem addItems setHorizontalHeaderLabels
    showMessage information critical question setAccessibleName setAccessibleDescription
    setStatusTip setWhatsThis QAction setTitle setSuffix setPrefix setSpecialValueText setLabelText
    setTabText addRow QMessageBox setInformativeText setDetailedText QToolButton ElidedGroupBox
    QMenu setButtonText addButton setHtml setPlainText insertItem setItemText QListWidgetItem
    QStandardItem QTreeWidgetItem QBarSet setName confirm
    """.split()
)

# Texts shown as they are in every language.
ALLOWED = {
    "Mægler",  # the programme's name
    # each language by its own name (Vis → Sprog), and what choosing one says, in that language
    "Dansk",
    "English",
    "Mægler er på dansk, næste gang programmet startes.",
    "Mægler will be in English the next time it starts.",
}

DANISH = re.compile(r"[æøåÆØÅ]")
WORDS = re.compile(r"[A-Za-zæøåÆØÅé]{2,}")
# Single Danish words without æ/ø/å that the shape test below would take for a name.
DANISH_WORDS = {"gem", "luk", "annuller", "slet", "ret", "navn", "dato", "filer", "vis", "hjælp"}


def _without_markup(value: str) -> str:
    """The words of a text: placeholders, tags, entities and acronyms (CVR, PDF) left out."""
    return re.sub(r"%\d|%n|\{[^}]*\}|<[^>]*>?|&\w+;|\b[A-Z]{2,}\b", " ", value).strip()


def _any_words(value: str) -> bool:
    if re.match(r"\s*https?://", value) or value.strip() in ALLOWED:
        return False
    if re.search(
        r"::|[{};]\s*$|^\s*[{};]|style=|(?:^|[;{]\s*)[a-z-]+:\s*$", value
    ):  # pieces of a style sheet
        return False
    return bool(WORDS.search(_without_markup(value)))


def _looks_like_text(value: str) -> bool:
    text = value.strip()
    if not text or text in ALLOWED:
        return False
    if re.fullmatch(r"mægler_app[\w.]*:\w+", text):  # a module and a class to import
        return False
    if re.fullmatch(r"[a-z0-9_.:/\-]+", text):  # keys, object names, modules, paths, sync names
        return False
    if re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", text):  # camelCase object names
        return False
    if re.search(r"[\w-]+:\s*[^;'\"]+;", text) or "style=" in text or "::" in text:  # style sheets
        return False
    if re.fullmatch(r"[dMyhHmsap.\-/: ]+|@\w+.*", text):  # a date format, a chart label's format
        return False
    if re.match(r"https?://|#[0-9a-fA-F]{3,8}\b|Ctrl\+|Alt\+|Shift\+|image/", text):
        return False
    words = _without_markup(text)
    if not WORDS.search(words):
        return False
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)*", words) and not DANISH.search(words):
        # a Qt class or an enum member (QLabel, Bold), unless it is a Danish word
        return words.lower() in DANISH_WORDS
    return True


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def untranslated(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skip = _docstrings(tree)
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node

    def sink(node: ast.AST) -> bool:
        """Whether the literal is (part of) the text argument of a call that shows it, or a title."""
        child, parent = node, parents.get(id(node))
        while parent is not None and not isinstance(parent, ast.stmt):
            if isinstance(parent, ast.Call):
                return _call_name(parent) in TEXT_SINKS and any(a is child for a in parent.args)
            if isinstance(parent, ast.Compare | ast.Subscript | ast.Dict | ast.keyword):
                return False
            child, parent = parent, parents.get(id(parent))
        return isinstance(parent, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in {"title", "TITLE"} for t in parent.targets
        )

    def excused(node: ast.AST) -> bool:
        child, parent = node, parents.get(id(node))
        while parent is not None:
            if isinstance(parent, ast.Call):
                name = _call_name(parent)
                if name in TRANSLATING or name in NOT_TEXT_CALLS:
                    return True
            if isinstance(parent, ast.Compare):  # x == "key", x in ("a", "b")
                return True
            if isinstance(parent, ast.Subscript) and parent.slice is child:  # d["key"]
                return True
            if isinstance(parent, ast.Dict) and any(k is child for k in parent.keys):  # {"key": …}
                return True
            if isinstance(parent, ast.keyword) and parent.arg in NOT_TEXT_KEYWORDS:
                return True
            if isinstance(parent, ast.Assert | ast.Raise):  # a developer's message
                return True
            if isinstance(parent, ast.AnnAssign) and parent.value is not child:  # an annotation
                return True
            if isinstance(parent, ast.arg | ast.FunctionDef):  # annotations, defaults of keys
                return True
            if isinstance(parent, ast.Assign):
                names = [t.id for t in parent.targets if isinstance(t, ast.Name)]
                # style sheets, keys; TEXTS: Danish translations of Qt's own texts (app._QtDanishGaps)
                return any(n.endswith(("STYLE", "_CSS", "_QSS", "_KEY", "TEXTS")) for n in names)
            if isinstance(parent, ast.stmt):
                return False
            child, parent = parent, parents.get(id(parent))
        return False

    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in skip:
            continue
        if "# i18n:" in lines[node.lineno - 1]:
            continue  # marked on its line as the same in every language
        if sink(node) or (isinstance(parents.get(id(node)), ast.JoinedStr) and re.search(r"\s", node.value)):
            shown = _any_words(node.value)  # shown, or words around an f-string's values
        else:
            shown = _looks_like_text(node.value)
        if shown and not excused(node):
            found.append((node.lineno, node.value))
    return found


def test_no_visible_text_outside_tr() -> None:
    found = [
        f"{path.relative_to(UI.parent.parent)}:{line}: {text!r}"
        for path in sorted(UI.rglob("*.py"))
        for line, text in untranslated(path)
    ]
    assert not found, f"{len(found)} texts outside tr():\n" + "\n".join(found)


def test_the_scan_finds_text() -> None:
    """The scan itself: it finds a label, a column title and a text inside an f-string, and
    passes object names, keys, style sheets and translated texts."""
    sample = UI.parent.parent / "build" / "i18n_scan_sample.py"
    sample.parent.mkdir(exist_ok=True)
    sample.write_text(
        "from PySide6.QtWidgets import QLabel\n"
        "a = QLabel('Navn')\n"
        "b = Column('Status', len)\n"
        "c = f'{n} virksomheder'\n"
        "d = QLabel(self.tr('Oversat'))\n"
        "a.setObjectName('companyName')\n"
        "e = {'key': 1}['key']\n"
        "a.setStyleSheet('QLabel { color: #123456; }')\n",
        encoding="utf-8",
    )
    assert [text for _line, text in untranslated(sample)] == ["Navn", "Status", " virksomheder"]
