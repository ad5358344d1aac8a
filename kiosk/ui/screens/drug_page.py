"""A drug page: summary, the 'get help right away' box, sections, sources and review."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.content.models import DrugPage
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import AdviceBox
from kiosk.ui.screens.common import ScrollPage, text_label
from kiosk.ui.screens.links import follow_links
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.drug_page import drug_page_view


class DrugPageScreen(ScrollPage):
    """One medication page, drawn from its view model."""

    def __init__(self, ctx: ScreenContext, page: DrugPage) -> None:
        view = drug_page_view(ctx.catalog, page, ctx)
        super().__init__(ctx, view.title, view.description)
        self.page = page
        self.view = view
        self.links: list[QLabel] = []
        body = self.body
        for part in (view.draft, view.heading, view.also_called, view.summary):
            if part is not None:
                body.addWidget(text_label(part))
        self.urgent_box: AdviceBox | None = None
        if view.urgent is not None:
            self.urgent_box = AdviceBox(ctx, view.urgent)
            body.addWidget(self.urgent_box)
        self.checklist_buttons: list[TouchButton] = []
        for action in view.checklists:
            button = TouchButton(action.label, action.caption)
            button.setAccessibleDescription(action.description)
            button.clicked.connect(lambda _=False, target=action.target: ctx.go(target))
            body.addWidget(button)
            self.checklist_buttons.append(button)
        self.advice_boxes: list[AdviceBox] = []
        for section in view.sections:
            body.addWidget(text_label(section.title))
            text = follow_links(text_label(section.body), ctx)
            self.links.append(text)
            body.addWidget(text)
            if section.advice is not None:
                box = AdviceBox(ctx, section.advice)
                self.advice_boxes.append(box)
                body.addWidget(box)
        for part in (view.sources_heading, *view.sources, view.review, view.disclaimer):
            if part is not None:
                body.addWidget(text_label(part))
        self.finish()

    @property
    def checklist_button(self) -> TouchButton | None:
        """The first linked checklist's button (None when the page links none)."""
        return self.checklist_buttons[0] if self.checklist_buttons else None

    def spoken_lines(self) -> list[str]:
        """Everything on the page, in reading order."""
        return self.view.spoken()
