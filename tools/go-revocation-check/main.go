package main

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"time"
)

// Checks one token and prints revoked or not_revoked (exit 0); any other outcome prints the error (exit 2).
//
//	go run . -endpoint http://127.0.0.1:10002/devstoreaccount1 -account devstoreaccount1 -table RevokedTokenFamilies \
//	         -root <root_token_id or empty> -token <compact token>     (the account key in REVOCATION_ACCOUNT_KEY)
func main() {
	endpoint := flag.String("endpoint", "", "the account's table endpoint")
	account := flag.String("account", "", "the storage account name")
	table := flag.String("table", "RevokedTokenFamilies", "the revocation table")
	root := flag.String("root", "", "the token's root_token_id claim, empty when it has none")
	token := flag.String("token", "", "the compact refresh token")
	timeout := flag.Duration("timeout", time.Second, "the bound of one check")
	keyOnly := flag.Bool("key-only", false, "print the family key and exit")
	flag.Parse()

	familyKey := FamilyKey(*root, *token)
	if *keyOnly {
		fmt.Println(familyKey)
		return
	}
	key, err := base64.StdEncoding.DecodeString(os.Getenv("REVOCATION_ACCOUNT_KEY"))
	if err != nil || len(key) == 0 {
		fmt.Fprintln(os.Stderr, "REVOCATION_ACCOUNT_KEY must hold the base64 account key")
		os.Exit(64)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	revoked, err := (&Table{Endpoint: *endpoint, Account: *account, Key: key, Name: *table}).IsRevoked(ctx, familyKey)
	switch {
	case err != nil:
		// Not "not revoked": the refresh must be refused.
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	case revoked:
		fmt.Println("revoked")
	default:
		fmt.Println("not_revoked")
	}
}
