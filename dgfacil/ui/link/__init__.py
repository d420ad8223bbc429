"""The Room link menu: turn the link on and off, show the join URL and QR, put the QR on the projector."""
