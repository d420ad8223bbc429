"""The People room: roster, check-in and certificate eligibility."""
