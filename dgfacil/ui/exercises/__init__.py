"""The Exercises room: boards for the five exercise kinds, breakout groups, projector, export."""
