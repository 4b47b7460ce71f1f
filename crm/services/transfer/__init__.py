"""Client lists in and out: export (xlsx, csv, vCard) and import (xlsx, csv) with a preview."""
