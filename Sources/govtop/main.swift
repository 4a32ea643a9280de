print("govtop")
