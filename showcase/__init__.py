"""The November showcase (public schema): events, slots, profiles and decks."""
