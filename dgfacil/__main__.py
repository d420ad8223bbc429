from dgfacil.cli import main

raise SystemExit(main())
