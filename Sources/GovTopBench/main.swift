print("govtop-bench")
