"""The look: one accent colour, soft grey canvas, white cards."""

ACCENT = "indigo"
CANVAS = "var(--gray-2)"
CARD_STYLE = {
    "background": "white",
    "border": "1px solid var(--gray-4)",
    "border_radius": "14px",
    "box_shadow": "0 1px 2px rgba(16, 24, 40, 0.04)",
    "width": "100%",
}
CONTENT_WIDTH = "1080px"
