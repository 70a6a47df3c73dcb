"""The setup scripts themselves, run as a newcomer would on a bare machine."""

import os
import subprocess
import tempfile
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class TestSetupWithoutOdoo(unittest.TestCase):
    """Without ODOO_SRC and without a cached install, every entry point fails
    at once and says what to provide."""

    def run_script(self, *command):
        with tempfile.TemporaryDirectory() as home:
            env = {
                key: value
                for key, value in os.environ.items()
                if not key.startswith(("ODOO", "B2B_", "XDG_"))
            }
            env.update(HOME=home, B2B_ODOO_DOWNLOAD="0")
            return subprocess.run(
                ["bash", *command],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )

    def assert_names_odoo_src(self, result):
        self.assertNotEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("ODOO_SRC", result.stderr)
        self.assertIn("Odoo 19.0", result.stderr)

    def test_setup_test_names_odoo_src(self):
        self.assert_names_odoo_src(self.run_script("setup/test"))

    def test_setup_tour_shots_names_odoo_src_and_keeps_the_images(self):
        shots = sorted((REPO / "docs" / "tour").glob("*.png"))
        self.assert_names_odoo_src(self.run_script("setup/tour-shots"))
        self.assertEqual(sorted((REPO / "docs" / "tour").glob("*.png")), shots)

    def test_setup_test_core_names_odoo_src(self):
        self.assert_names_odoo_src(self.run_script("setup/test-core"))

    def test_setup_test_core_refuses_stray_arguments(self):
        result = self.run_script("setup/test-core", "sale")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("extra pytest arguments go after --", result.stderr)

    def test_setup_load_is_bounded(self):
        # at most 50 simulated buyers and 5 minutes, refused before anything runs
        for setting, message in (
            ("B2B_LOAD_USERS=51", "from 1 to 50 simulated buyers"),
            ("B2B_LOAD_TIME=301", "from 30 to 300 seconds"),
        ):
            with self.subTest(setting=setting):
                result = self.run_script("-c", f"{setting} bash setup/load")
                self.assertNotEqual(result.returncode, 0)
                self.assertIn(message, result.stderr)

    def test_setup_load_names_odoo_src(self):
        self.assert_names_odoo_src(self.run_script("setup/load"))

    def test_ci_run_fails_never_skips(self):
        self.assert_names_odoo_src(self.run_script(".ci/run"))

    def test_install_refuses_a_tree_that_is_not_odoo(self):
        with tempfile.TemporaryDirectory() as not_odoo:
            result = self.run_script("-c", f"ODOO_SRC={not_odoo} bash setup/install")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("is not an Odoo source tree", result.stderr)
