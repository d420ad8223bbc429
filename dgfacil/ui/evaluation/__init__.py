"""The Evaluation room: typing paper forms, importing online exports, the figures, the outcome report."""
