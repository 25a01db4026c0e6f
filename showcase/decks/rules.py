"""Who may do what with the decks (the showcase's own rules, named for the decks):

- ministry admins build decks and edit the template;
- ministry analysts (and admins) read the deck page and download the files;
- nobody else: region users, facilitators and anonymous visitors get nothing.
"""

from showcase import rules as showcase_rules


def can_read_decks(user) -> bool:
    return showcase_rules.can_view_showcase(user)


def can_build_decks(user) -> bool:
    return showcase_rules.can_manage_showcase(user)


def can_edit_deck_template(user) -> bool:
    return showcase_rules.can_manage_showcase(user)
