"""Where extraction runs: in this process (local.py) or over partitions on a Dask cluster (dask.py)."""
