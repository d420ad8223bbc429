"""Team mode in the window: the other laptops' edits, the server's state, opening a team workshop."""
