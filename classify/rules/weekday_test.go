package rules

import (
	"testing"
	"time"
)

func TestWeekdayFrom(t *testing.T) {
	// The reference is Wednesday 2024-03-13.
	rd := time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		wd   int // 1 Monday … 7 Sunday
		mod  string
		want string
	}{
		{"bare weekday before the reference", 1, "bare", "2024-03-11"},
		{"bare weekday of the reference itself", 3, "bare", "2024-03-13"},
		{"bare weekday after the reference is last week's", 5, "bare", "2024-03-08"},
		{"past same weekday is a week back", 3, "past", "2024-03-06"},
		{"future same weekday is a week ahead", 3, "future", "2024-03-20"},
		{"future later weekday this week", 5, "future", "2024-03-15"},
		{"this week's Monday", 1, "thisweek", "2024-03-11"},
		{"next week's Sunday", 7, "nextweek", "2024-03-24"},
		{"last week's Friday", 5, "lastweek", "2024-03-08"},
		{"lundi en huit", 1, "ahead1", "2024-03-25"},
		{"lundi en quinze", 1, "ahead2", "2024-04-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := weekdayFrom(rd, tt.wd, tt.mod).Format("2006-01-02"); got != tt.want {
				t.Errorf("weekdayFrom(%d, %q) = %s, want %s", tt.wd, tt.mod, got, tt.want)
			}
		})
	}
}
