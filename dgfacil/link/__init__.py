"""The room link: a small web server on the laptop that lets phones and laptops in the room join.

It runs aiohttp on its own thread and event loop (beside Qt, or alone under `dgfacil serve`) and
calls the same operations as the app; every database action goes through the document's one
writer (see writer.py). It never imports Qt, the store, io or printing.
"""
