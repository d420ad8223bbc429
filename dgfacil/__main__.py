import multiprocessing

from dgfacil.cli import main

# Printing runs in worker processes (operations/print_jobs.py); they import this module again
# and must not start the app, and a PyInstaller bundle needs freeze_support to become a worker.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
