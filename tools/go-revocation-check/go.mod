module sessionfunctions/revocationcheck

go 1.19
