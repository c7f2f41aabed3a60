"""The site generator: readers -> renderers -> writers, run as named steps by `pipeline`."""
