"""The frozen program's entry point: the `crm` command (the GUI when given no subcommand).

``PRISM_SMOKE=<report.json>`` in the environment turns on the smoke hook the packaging tests
and the benchmark use (packaging/smoke.py): it reports the first painted page, the language
shown and a Chinese PDF, then quits. Without it this is exactly ``python -m crm``.
"""

import os
import sys


def main() -> int:
    report = os.environ.get("PRISM_SMOKE")
    if report:
        import prism_smoke

        prism_smoke.install(report)
    from crm.cli import main as crm_main

    return crm_main()


if __name__ == "__main__":
    sys.exit(main())
