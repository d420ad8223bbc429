"""Running a day: the log of what the facilitator pressed, and everything derived from it.

One module per job, imported one way only (a test keeps it so: tests/core/test_run_package.py):

- `log`: the events (start, pause, next...) and their replay; imports no other module here;
- `plan`: the re-planned day now (`derive_state`), from `log`;
- `recovery`: a recovery plan to win back lost time, from `log` and `plan`;
- `words`: the words of the run screens (countdown, warnings, day end), from `log`, `plan`, `recovery`;
- `outcome`: actual start and end per item for the outcome report, from `log` and `plan`.

This file imports nothing, so importing one module loads only what that module needs.
"""
