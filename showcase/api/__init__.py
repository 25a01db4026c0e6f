"""National API of the showcase (see ``views``)."""
