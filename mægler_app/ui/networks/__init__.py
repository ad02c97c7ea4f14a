"""Networks (view Netværk): the pipeline board, the list, and each network's own page."""
