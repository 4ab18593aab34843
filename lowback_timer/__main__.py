from lowback_timer.cli import main

raise SystemExit(main())
