"""Allow `python -m auditor`."""

from auditor.cli import main

if __name__ == "__main__":  # the program itself, not a module imported by a worker
    main()
