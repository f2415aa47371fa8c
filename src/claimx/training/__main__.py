import sys

from claimx.training.train import main

sys.exit(main())
