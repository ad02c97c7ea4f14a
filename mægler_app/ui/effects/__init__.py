"""Effects on screen (issue 19): a company's growth against its baseline, a network's companies."""
