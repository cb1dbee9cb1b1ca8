#!/bin/sh
# 4 actions of the journey board “Checkout journey, Q3 "workshop" 🛒” as GitHub issues.
# Needs the GitHub CLI (gh auth login first). Usage: sh this-file.sh OWNER/REPO
set -eu
repo="${1:?usage: sh this-file.sh OWNER/REPO}"

# The labels the issues use.
gh label create 'journeyboard' --repo "$repo" >/dev/null 2>&1 || true
gh label create 'opportunity' --repo "$repo" >/dev/null 2>&1 || true
gh label create 'decision' --repo "$repo" >/dev/null 2>&1 || true
gh label create 'pain-point' --repo "$repo" >/dev/null 2>&1 || true
gh label create 'use-support' --repo "$repo" >/dev/null 2>&1 || true

# 1/4: =HYPERLINK("http://evil.example","click")
gh issue create --repo "$repo" \
  --title '=HYPERLINK("http://evil.example","click")' \
  --body '=HYPERLINK("http://evil.example","click")

Stage: Decision · Lane: Opportunities
Votes: 4 (rank 2 on the priority list)
Status: Done · Owner: @octo-cat · Due: 2027-01-31
From the journey board “Checkout journey, Q3 "workshop" 🛒”: https://jb.example/b/fixtureboard01?note=note:formula' \
  --label 'journeyboard' \
  --label 'opportunity' \
  --label 'decision' \
  --assignee 'octo-cat'

# 2/4: Shipping cost, shown "late" at checkout
gh issue create --repo "$repo" \
  --title 'Shipping cost, shown "late" at checkout' \
  --body 'Shipping cost, shown "late" at checkout

Stage: Decision · Lane: Pain points
Votes: 1 (rank 4 on the priority list)
Status: In progress · Owner: Bo Ström · Due: 2026-12-15
From the journey board “Checkout journey, Q3 "workshop" 🛒”: https://jb.example/b/fixtureboard01?note=note:shipping' \
  --label 'journeyboard' \
  --label 'pain-point' \
  --label 'decision'

# 3/4: Don't "quote" me: $HOME `id` $(rm -rf /) \n 'it''s'
gh issue create --repo "$repo" \
  --title 'Don'\''t "quote" me: $HOME `id` $(rm -rf /) \n '\''it'\'''\''s'\''' \
  --body 'Don'\''t "quote" me: $HOME `id` $(rm -rf /) \n '\''it'\'''\''s'\''
second line	with a tab

-- end

Stage: Use & support · Lane: Pain points
Votes: 0 (rank 6 on the priority list)
Status: Open · Owner: =cmd|" /C calc"!A0
From the journey board “Checkout journey, Q3 "workshop" 🛒”: https://jb.example/b/fixtureboard01?note=note:nasty' \
  --label 'journeyboard' \
  --label 'pain-point' \
  --label 'use-support'

# 4/4: +1 more chat agents, at night
gh issue create --repo "$repo" \
  --title '+1 more chat agents, at night' \
  --body '+1 more chat agents, at night

Stage: Use & support · Lane: Opportunities
Votes: 0 (rank 7 on the priority list)
Status: Done · Owner: @support lead
From the journey board “Checkout journey, Q3 "workshop" 🛒”: https://jb.example/b/fixtureboard01?note=note:agents' \
  --label 'journeyboard' \
  --label 'opportunity' \
  --label 'use-support'
