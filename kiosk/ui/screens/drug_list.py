"""The medication list: big rows, an A–Z strip, and search with an on-screen keyboard."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Catalog
from kiosk.search import normalize
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import SPACING, label, measure_with, text_label
from kiosk.ui.screens.kiosk_screen import KioskScreen
from kiosk.ui.theme import Palette
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.scroll import enable_kinetic
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.lists import DrugRow, drug_list_view

ROW_PADDING = 18
#: Inside a row on a short screen (the row stays a target of more than 64 px).
COMPACT_ROW_PADDING = 10
LIST_MARGIN = 8
LIST_SPACING = 4
#: The list screen's layouts, roomiest first: where there is no room for one, it drops its
#: heading (the top bar and the search box say where the visitor is), then makes the search
#: box and the keyboard compact, so that a whole row always shows above the keys.
#: Shorter still (a wrapped top bar at a large text size on a 768-pixel screen), the
#: keyboard folds away and the A–Z strip takes its place.
FULL, NO_HEADING, COMPACT, FOLDED = 0, 1, 2, 3
ROW_GAP = 10
AnyIndex = QModelIndex | QPersistentModelIndex
DRUG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OTHER_NAMES_ROLE = Qt.ItemDataRole.UserRole + 2


def names_have_digits(catalog: Catalog) -> bool:
    """Whether any page's name or other name, in any language, has a digit in it."""
    for page in catalog.drugs.values():
        for name in (*page.name.all_texts(), *page.other_names):
            if any(ch.isdigit() for ch in name):
                return True
    return False


def row_height(font: QFont, padding: int = ROW_PADDING) -> int:
    """The height of a row of one line of name and one of other names in ``font``.

    The list is never shorter: at least one whole row always shows above the keyboard.
    """
    title, body = row_fonts(font)
    lines = QFontMetrics(title).height() + 6 + QFontMetrics(body).height()
    return lines + 2 * padding + ROW_GAP


def row_fonts(font: QFont) -> tuple[QFont, QFont]:
    """The fonts of a row's name (bold, a fifth larger) and of its other names."""
    title = QFont(font)
    title.setBold(True)
    title.setPixelSize(round(font.pixelSize() * 1.2) if font.pixelSize() > 0 else 30)
    return title, QFont(font)


class DrugListModel(QAbstractListModel):
    """The rows of the medication list as its view model gives them."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[DrugRow, ...] = ()

    def show_rows(self, rows: tuple[DrugRow, ...]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> tuple[DrugRow, ...]:
        """The listed rows, in order."""
        return self._rows

    def ids(self) -> list[str]:
        """The listed drug ids, in order."""
        return [row.drug_id for row in self._rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of rows."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Name, other names and id of one row."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == OTHER_NAMES_ROLE:
            return row.other_names
        if role == DRUG_ID_ROLE:
            return row.drug_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.spoken
        return None


class DrugRowDelegate(QStyledItemDelegate):
    """Paints each row as a large card: the name in bold, other names under it."""

    def __init__(self, theme: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        #: Above and below the words, inside the card.
        self.padding = ROW_PADDING

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        return row_fonts(option.font)

    def _text_rect(self, option: QStyleOptionViewItem) -> QRect:
        pad = self.padding
        return option.rect.adjusted(ROW_PADDING + 4, pad, -ROW_PADDING, -pad - ROW_GAP)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Tall enough for the wrapped name and other names; never under 64 px plus the gap."""
        title_font, body_font = self._fonts(option)
        width = max(200, (option.rect.width() or 800) - 2 * ROW_PADDING - 4)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = (
            QFontMetrics(title_font)
            .boundingRect(0, 0, width, 10_000, flags, str(index.data()))
            .height()
        )
        others = str(index.data(OTHER_NAMES_ROLE) or "")
        if others:
            height += (
                6
                + QFontMetrics(body_font).boundingRect(0, 0, width, 10_000, flags, others).height()
            )
        return QSize(width, max(88, height + 2 * self.padding) + ROW_GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Draw the card."""
        painter.save()
        theme = self._theme
        card = option.rect.adjusted(2, 2, -2, -2 - ROW_GAP)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        pressed = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(theme.surface))
        pen = painter.pen()
        pen.setColor(QColor(theme.focus if (focused or pressed) else theme.border))
        pen.setWidth(5 if (focused or pressed) else 3)
        painter.setPen(pen)
        painter.drawRoundedRect(card, 14, 14)
        title_font, body_font = self._fonts(option)
        text = self._text_rect(option)
        painter.setPen(QColor(theme.fg))
        painter.setFont(title_font)
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        used = painter.boundingRect(text, flags, str(index.data()))
        painter.drawText(text, flags, str(index.data()))
        others = str(index.data(OTHER_NAMES_ROLE) or "")
        if others:
            painter.setFont(body_font)
            painter.setPen(QColor(theme.muted))
            painter.drawText(text.adjusted(0, used.height() + 6, 0, 0), flags, others)
        painter.restore()


class DrugListScreen(KioskScreen):
    """Search box on top, rows in the middle, the keyboard (or the A–Z strip) at the bottom."""

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self._ctx = ctx
        #: The visitor chose the A–Z strip over the keyboard.
        self._letters_chosen = False
        self.listing = drug_list_view(ctx.catalog, ctx.index, ctx.session.search_text, ctx)
        self.setAccessibleName(self.listing.title)
        layout = QVBoxLayout(self)
        # Tighter than other pages: ten 64-pixel keys and the list must fit beside the call
        # panel on a 1024×768 screen.
        layout.setContentsMargins(LIST_MARGIN, LIST_MARGIN, LIST_MARGIN, LIST_MARGIN)
        layout.setSpacing(LIST_SPACING)
        self.heading = text_label(self.listing.heading)
        layout.addWidget(self.heading)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.listing.search_hint)
        self.search.setAccessibleName(ctx.ui("search"))
        self.search.setAccessibleDescription(ctx.ui("search_desc"))
        self.search.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.search.setDragEnabled(False)
        self.search.setMaxLength(40)
        self.search.setText(ctx.session.search_text)
        search_row = QHBoxLayout()
        search_row.setSpacing(SPACING // 2)
        search_row.addWidget(self.search, 1)
        #: Clear beside the search box when the compact keyboard has no room for it.
        self.clear = TouchButton(ctx.ui("clear"), kind="quiet")
        self.clear.setAccessibleDescription(ctx.ui("key_desc"))
        self.clear.clicked.connect(lambda: self.search.clear())
        self.clear.hide()
        search_row.addWidget(self.clear)
        self._least = 0
        #: Switches between the keyboard and the A–Z strip: never both, so the list keeps
        #: room for a whole row even on a 768-pixel-high screen.
        self.switch = TouchButton(self.listing.show_letters.label, kind="quiet")
        self.switch.clicked.connect(self.toggle_letters)
        search_row.addWidget(self.switch)
        layout.addLayout(search_row)
        self.letters: dict[str, TouchButton] = {}
        self.strip = QWidget()
        strip = FlowLayout(self.strip, spacing=8)
        strip.setContentsMargins(0, 0, 0, 0)
        for letter in self.listing.letters:
            button = TouchButton(letter, kind="key")
            button.setAccessibleName(ctx.ui("az_jump", letter=letter))
            button.setAccessibleDescription(ctx.ui("list_desc"))
            button.clicked.connect(lambda _=False, ch=letter: self.jump_to(ch))
            button.setFixedWidth(72)
            strip.addWidget(button)
            self.letters[letter] = button
        policy = self.strip.sizePolicy()
        policy.setHeightForWidth(True)
        self.strip.setSizePolicy(policy)
        self.strip.hide()
        layout.addWidget(self.strip)
        self.model = DrugListModel()
        pool = ctx.scroll_pool
        self.view = pool.take_list() if pool is not None else QListView()
        self.view.setModel(self.model)
        self.rows = DrugRowDelegate(ctx.theme, self.view)
        self.view.setItemDelegate(self.rows)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setAccessibleName(ctx.ui("medications"))
        self.view.setAccessibleDescription(ctx.ui("list_desc"))
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        # Lay rows out a screenful at a time, so a long list paints its first rows at once.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(30)
        self.view.setDragEnabled(False)
        if pool is None:
            enable_kinetic(self.view)  # (pooled views already scroll kinetically)
        self.scroll_area = self.view
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view, 1)
        self.empty = label("", "h2")
        self.empty.hide()
        layout.addWidget(self.empty)
        self.keyboard = OnScreenKeyboard(
            {
                "space": ctx.ui("space"),
                "delete": ctx.ui("delete"),
                "clear": ctx.ui("clear"),
                "key": ctx.ui("key_desc"),
                "keyboard": ctx.ui("search"),
            },
            digits=names_have_digits(ctx.catalog),
        )
        self.keyboard.typed.connect(lambda ch: self.search.insert(ch))
        self.keyboard.deleted.connect(self.search.backspace)
        self.keyboard.cleared.connect(self.search.clear)
        layout.addWidget(self.keyboard)
        self.switch.setAccessibleDescription(ctx.ui("show_az_desc"))
        self.search.textChanged.connect(self._filter)
        self._filter(self.search.text())
        measure_with(self, ctx.sizes)

    def showEvent(self, event: QShowEvent) -> None:
        """Lay the screen out for the room it has (see ``_fit``)."""
        parent = self.parentWidget()
        self._fit(parent.height() if parent is not None else self._window_height())
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new height (text size, top bar, screen): lay the screen out for it."""
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._fit(event.size().height())

    def minimumSizeHint(self) -> QSize:
        """What the most compact layout needs: the window never grows for this screen.

        (Until it is laid out for the room it has, it is asked for what it needs then.)
        """
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self._least) if self._least > 0 else hint

    def _fit(self, room: int) -> None:
        """The roomiest layout that fits ``room``: all; no heading; compact search and keys."""
        self.view.ensurePolished()
        self._set_mode(FOLDED)
        self._least = self._needed()
        if room <= 0:
            self._set_mode(COMPACT)
            return
        for mode in (FULL, NO_HEADING, COMPACT):
            self._set_mode(mode)
            if self._needed() <= room:
                return
        self._set_mode(FOLDED)

    def _set_mode(self, mode: int) -> None:
        short = mode >= COMPACT
        folded = mode == FOLDED
        self.switch.setVisible(not folded)
        letters = folded or self._letters_chosen
        self.strip.setVisible(letters)
        self.keyboard.setVisible(not letters)
        self.heading.setVisible(mode == FULL)
        padding = COMPACT_ROW_PADDING if short else ROW_PADDING
        if padding != self.rows.padding:
            self.rows.padding = padding
            self.view.doItemsLayout()
        self.view.setMinimumHeight(row_height(self.view.font(), padding))
        self.keyboard.set_compact(short)
        self.clear.setVisible(short)
        for widget in (self.search, self.switch, self.clear):
            if widget.property("compact") != short:
                widget.setProperty("compact", short)
                for part in (widget, *widget.findChildren(QWidget)):
                    part.style().unpolish(part)
                    part.style().polish(part)
        for button in (self.switch, self.clear):
            inner = button.layout()
            if inner is not None:
                inner.setContentsMargins(*((12, 2, 12, 2) if short else (20, 12, 20, 12)))

    def _needed(self) -> int:
        """The height the screen needs as it is laid out now."""
        width = max(1, (self.width() or 800) - 2 * LIST_MARGIN)
        row = max(
            self.search.sizeHint().height(),
            self.switch.heightForWidth(self.switch.sizeHint().width()),
        )
        parts = [row, self.view.minimumHeight()]
        if self.heading.isVisibleTo(self):
            parts.append(self.heading.heightForWidth(width))
        if self.keyboard.isVisibleTo(self):
            parts.append(self.keyboard.minimumSizeHint().height())
        else:
            parts.append(self.strip.heightForWidth(width))
        return sum(parts) + LIST_SPACING * (len(parts) - 1) + 2 * LIST_MARGIN

    def _window_height(self) -> int:
        """The window's height (the screen's, full screen); the screen's before it has one."""
        window = self.window()
        if window is not self and window.height() > 0:
            return window.height()
        screen = self.screen()
        return screen.availableGeometry().height() if screen is not None else 0

    def toggle_letters(self) -> None:
        """Show the A–Z strip instead of the keyboard, or the keyboard again."""
        letters = not self.strip.isVisibleTo(self)
        self._letters_chosen = letters
        self.strip.setVisible(letters)
        self.keyboard.setVisible(not letters)
        ctx = self._ctx
        key = "show_keyboard" if letters else "show_az"
        self.switch.title_label.setText(ctx.ui(key))
        self.switch.setText(ctx.ui(key))
        self.switch.setAccessibleName(ctx.ui(key))
        self.switch.setAccessibleDescription(ctx.ui(f"{key}_desc"))

    def show_search(self, text: str) -> None:
        """Shown again: the search box holds the session's text, the list starts at the top."""
        if self.search.text() != text:
            self.search.setText(text)
        self.view.scrollToTop()

    def spoken_lines(self) -> list[str]:
        """The heading and the rows the search shows (or why there are none)."""
        return self.listing.spoken()

    def arrival_lines(self) -> list[str]:
        """The heading, then how many medicines show."""
        return [self.listing.heading.text, self.listing.found]

    def _filter(self, text: str) -> None:
        ctx = self._ctx
        ctx.session.search_text = text
        self.listing = drug_list_view(ctx.catalog, ctx.index, text, ctx)
        self.model.show_rows(self.listing.rows)
        self.announced.emit(self.listing.found)
        if self.listing.empty is None:
            self.empty.hide()
            self.view.show()
        else:
            message = self.listing.empty.text
            self.empty.setText(message)
            self.empty.setAccessibleName(message)
            self.empty.show()
            self.view.hide()

    def jump_to(self, letter: str) -> None:
        """Show every page again and scroll to the first name starting with ``letter``."""
        if self.search.text():
            self.search.clear()
        for position, row in enumerate(self.model.rows()):
            if normalize(row.name).upper().startswith(letter):
                index = self.model.index(position)
                self.view.scrollTo(index, QListView.ScrollHint.PositionAtTop)
                self.view.setCurrentIndex(index)
                return

    def _open(self, index: QModelIndex) -> None:
        drug_id = index.data(DRUG_ID_ROLE)
        if drug_id:
            self._ctx.go(Place(Screen.DRUG, str(drug_id)))
