import sys

from dgfacil.cli import main

# Printing runs in worker processes (operations/print_jobs.py); they import this module again
# and must not start the app, and a PyInstaller bundle needs freeze_support to become a worker.
# Elsewhere freeze_support does nothing, so multiprocessing (~7 ms) is not loaded for it.
if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
