package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"outages/cmd/outages/internal/config"
)

func configCommand() command {
	return command{
		name:    "config",
		summary: "write a commented example configuration (init) or validate one (check)",
		usage:   "init [FILE] | check FILE",
		examples: `  outages config init /etc/outages/outages.toml
  outages config check /etc/outages/outages.toml`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			return configRun
		},
	}
}

func configRun(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 {
		return usagef("want init [FILE] or check FILE")
	}
	switch args[0] {
	case "init":
		if len(args) > 2 {
			return usagef("init takes at most one FILE")
		}
		if len(args) == 1 || args[1] == "-" {
			_, err := fmt.Fprint(a.stdout, config.Example)
			return err
		}
		f, err := os.OpenFile(args[1], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("config init: %s already exists; it was left as it is", args[1])
		}
		if err != nil {
			return fmt.Errorf("config init: %w", err)
		}
		if _, err := f.WriteString(config.Example); err != nil {
			f.Close()
			os.Remove(args[1])
			return fmt.Errorf("config init %s: %w", args[1], err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("config init %s: %w", args[1], err)
		}
		fmt.Fprintf(a.stdout, "wrote %s: edit it, then run 'outages config check %s'\n", args[1], args[1])
		return nil
	case "check":
		if len(args) != 2 {
			return usagef("check takes one FILE")
		}
		o := dataOptions{config: args[1]}
		cfg, err := o.load()
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s: ok (%d sources, data directory %s)\n", args[1], len(cfg.Sources), cfg.Data)
		return nil
	}
	return usagef("unknown subcommand %q (want init or check)", args[0])
}
