"""The 10^7 paired suite written plainly in numpy: load both runs' scores, paired mean difference, normal 95% CI."""
import json
import resource
import sys
from pathlib import Path

import numpy as np

data = Path(sys.argv[1])
base = np.load(data / "base.npy")
head = np.load(data / "head.npy")
d = head - base
n = d.size
mean = d.mean()
half = 1.959963984540054 * d.std() / np.sqrt(n)
print(json.dumps({
    "delta": float(mean),
    "ci": [float(mean - half), float(mean + half)],
    "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
