
&$
*
line 0
*
line 1
*
line 2