"""Family switcher: the user menu's slot for choosing the active family.

Secondary users who belong to several families will switch between them here (upper
left of the user menu, next to the current family's name). Until the Families API is
in the portal this renders nothing; `user_menu` already places it.
"""

import reflex as rx


def family_switcher() -> rx.Component:
    return rx.fragment()
