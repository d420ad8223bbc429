"""Headless Debian Chromium for the link's browser tests (a phone at 360×740, or a laptop)."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
INSTALLED = Path(CHROMIUM).exists() and Path(DRIVER).exists()


@contextmanager
def chromium(width: int = 360, height: int = 740, *, mobile: bool = True):
    from selenium import webdriver

    profile = tempfile.mkdtemp(prefix="dgfacil-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    try:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Europe/Paris"})  # not the venue's
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
