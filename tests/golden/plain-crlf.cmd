plain-crlf.txt
