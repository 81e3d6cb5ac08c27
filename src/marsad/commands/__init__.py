"""Sub-commands of `marsad` beyond extract, each in its own module, registered on `marsad.cli.app`."""
