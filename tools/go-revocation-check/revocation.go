// Package main is the revocation check a Go refresh service runs, written with the standard library only:
// the token-family rule and one point read of the revocation record over the Table service REST API.
package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// FamilyKey is the key the sign-out function writes for a token: its root id claim when it has one, else the token.
func FamilyKey(rootID, token string) string {
	if rootID != "" {
		sum := sha256.Sum256([]byte("root:" + rootID))
		return "root-" + hex.EncodeToString(sum[:])
	}
	sum := sha256.Sum256([]byte("token:" + token))
	return "token-" + hex.EncodeToString(sum[:])
}

// Table is where the revocation records are: the account's table endpoint, the account, its key, the table name.
type Table struct {
	Endpoint string // e.g. https://<account>.table.core.windows.net or http://127.0.0.1:10002/devstoreaccount1
	Account  string
	Key      []byte // the account key, base64-decoded
	Name     string
	Client   *http.Client
}

// CheckError is every outcome that is neither "revoked" nor "not revoked": the caller must refuse the refresh.
type CheckError struct {
	Table  string
	Status int    // 0 when storage gave no answer
	Code   string // the Table service error code, when it sent one
	Err    error
}

func (e *CheckError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("revocation check of table %q got no answer: %v", e.Table, e.Err)
	}
	return fmt.Sprintf("revocation check of table %q failed: HTTP %d %s", e.Table, e.Status, e.Code)
}

func (e *CheckError) Unwrap() error { return e.Err }

// IsRevoked reads the family's record. Revoked: the read succeeded. Not revoked: HTTP 404 with error code
// ResourceNotFound. Anything else (TableNotFound, 403, 503, a timeout, no connection) is a *CheckError, never
// "not revoked". Bound it with ctx (e.g. context.WithTimeout(ctx, time.Second)).
func (t *Table) IsRevoked(ctx context.Context, familyKey string) (bool, error) {
	escape := func(s string) string { return url.PathEscape(strings.ReplaceAll(s, "'", "''")) }
	resource := fmt.Sprintf("/%s(PartitionKey='%s',RowKey='revoked')", t.Name, escape(familyKey))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(t.Endpoint, "/")+resource+"?$select=PartitionKey", nil)
	if err != nil {
		return false, &CheckError{Table: t.Name, Err: err}
	}
	date := time.Now().UTC().Format(http.TimeFormat)
	// Shared Key Lite for the Table service: the date, then "/" + account + the request's path.
	stringToSign := date + "\n/" + t.Account + req.URL.EscapedPath()
	mac := hmac.New(sha256.New, t.Key)
	mac.Write([]byte(stringToSign))
	req.Header.Set("x-ms-date", date)
	req.Header.Set("x-ms-version", "2019-02-02")
	req.Header.Set("Accept", "application/json;odata=nometadata")
	req.Header.Set("DataServiceVersion", "3.0;NetFx")
	req.Header.Set("Authorization", "SharedKeyLite "+t.Account+":"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))

	client := t.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return false, &CheckError{Table: t.Name, Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return false, &CheckError{Table: t.Name, Status: resp.StatusCode, Err: err}
	}
	if resp.StatusCode == http.StatusOK {
		return true, nil
	}
	code := errorCode(resp.Header, body)
	if resp.StatusCode == http.StatusNotFound && code == "ResourceNotFound" {
		return false, nil
	}
	return false, &CheckError{Table: t.Name, Status: resp.StatusCode, Code: code}
}

// errorCode is the x-ms-error-code header, else odata.error.code from the JSON body.
func errorCode(header http.Header, body []byte) string {
	if code := header.Get("x-ms-error-code"); code != "" {
		return code
	}
	var payload struct {
		Error struct {
			Code string `json:"code"`
		} `json:"odata.error"`
	}
	if json.Unmarshal(body, &payload) == nil {
		return payload.Error.Code
	}
	return ""
}
