package config_test

import (
	"fmt"
	"strings"

	"outages/cmd/outages/internal/config"
)

func ExampleParse() {
	const file = `user_agent = "outages-bot/1.0 (+https://example.org/bot)"
dealy = "2s"

[[source]]
name = "technews"
url = "https://news.example.org/rss.xml"
allow = ['^https://news\.example\.org/(']
`
	cfg, err := config.Parse(strings.NewReader(file), "outages.conf", config.Default())
	fmt.Println(err)
	cfg, err = config.Parse(strings.NewReader(strings.Replace(file, "dealy", "delay", 1)), "outages.conf", config.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg.Delay, cfg.Sources[0].Name)
	fmt.Println(cfg.Validate())
	// Output:
	// outages.conf:2: unknown key "dealy" (did you mean "delay"?)
	// 2s technews
	// outages.conf:7: source "technews": allow: invalid regexp "^https://news\\.example\\.org/(": missing closing )
}
